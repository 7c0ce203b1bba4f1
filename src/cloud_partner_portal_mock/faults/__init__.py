"""Faults on purpose (`catalog`), the dropped connection among them (`connection_drop`). They may import `state`
and `http` (its error bodies, the hooks the pipeline runs); never the harness.
"""
