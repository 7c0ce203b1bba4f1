"""What a request must be: the bundled description (`spec`), its checks compiled once (`compiled`, `predicates`),
the checks of one request (`request_checks`), a JSON body's decoding (`json_body`) and the notification-emails
syntax (`notification_emails`). Imports `state` (its errors); never `http`, `faults` or the harness.
"""
