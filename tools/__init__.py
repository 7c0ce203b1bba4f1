"""Development tools of the project: run from the repository root as `python -m tools.<module>`."""
