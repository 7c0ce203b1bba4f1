"""Maintainers' tools, run as ``python -m tools.<module>`` from the repository root (see the Makefile).

One concern per module: ``apidiff`` (breaking-change report between two versions of the description),
``versioning`` (the client's version and release tags), ``release`` (``make version``), ``changelog``
(CHANGELOG.md), ``drift`` (the generated-code gate against HEAD), ``readme_examples`` (README code for
``mypy --strict``), ``gitrepo`` (reading files at a git ref), ``install_check`` (plain-pip installs in fresh virtual
environments, ``make install-check``), ``docs_reference`` (the published reference of the Python layer and the
command line), ``contract_checks`` (schemathesis checks for what OpenAPI cannot state), ``contract`` (``make
contract``), ``fuzz`` (``make fuzz``), ``bench`` (``make bench``, a package), ``launcher`` (a server in a child process
on loopback, for those three: started, waited for, stopped by its own pid).
"""
