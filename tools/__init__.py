"""Development tooling for the project: code imported by the contract runs, not shipped in the package."""
