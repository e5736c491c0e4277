"""The replay portal: a recorded `snapshot` (manifest + bodies), the HTTP `server` that answers from it (as a
forward proxy and by Host header), and `replicate` (bigger copies for load tests and the benchmark).

Test and demo infrastructure, not the product's run path: the pipeline never imports it. May import only the
vocabulary (`models`, `errors`, `settings`).
"""
