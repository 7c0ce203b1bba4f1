"""The mock over HTTP: the Starlette app and its request pipeline (`app`), one handler per operationId
(`endpoints`), bearer tokens (`auth`), reading a body (`request_body`), the answers' bodies (`bodies`), locations
and error bodies (`locations`, `error_responses`), and how uvicorn serves it (`capped_protocol`, `limits`,
`access_log`). Imports `validation` and `state`; never `faults` (it runs them through `app.FaultHooks`) or the
harness.
"""
