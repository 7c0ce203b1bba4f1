"""Breaking-change report between two versions of an OpenAPI description (``make diff``).

``compare_documents(old, new)`` gives a ``Report``: every ``Change`` with where it is and its ``Impact`` on users
of the generated client and on servers under contract test. The command line is ``python -m tools.apidiff``.
"""

from .model import Change, Impact, Report
from .operations import compare_documents
from .refs import RefError

__all__ = ["Change", "Impact", "RefError", "Report", "compare_documents"]
