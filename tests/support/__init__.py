"""Fakes shared by the test folders (import as `support.<module>`; no test imports another folder's conftest)."""
