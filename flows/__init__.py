"""Prefect flows of countyreports: the only code that imports prefect.

Installed with the package (a second top-level package, `flows`, beside `countyreports`; see pyproject.toml),
so the flows import `countyreports` as an installed package and each other as `flows.*`, from any working
directory: the CLI imports them by module, Prefect loads them by their entrypoints `flows/<file>.py:<flow>`
(prefect.yaml, deployments), both reach the same files. Thin over `countyreports.pipeline`.
"""
