"""The mock's state: plain data and the rules that move it, with no web framework and no description.

`clock` (time, frozen in tests), `store` (publishers, offers, operations), `lifecycle` (how operations move),
`seed` (the seeded data set), `offer_documents` and `offer_seed` (the offers' documents, slots, versions and
ETags, and their seeded data), `json_text` (the JSON bytes the answers carry), `outbox` (the notifications the
service would have e-mailed), `errors` (the API's errors as data), `snapshot` (a frozen copy of it all) and
`service` (the actions on the state, one lock around each). The layers above it
(`validation`, `http`, `faults`, the harness) may import it; it imports none of them (`ARCHITECTURE.md`).
"""
