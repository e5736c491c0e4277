"""Pages and files read in child processes under budgets: `BudgetPool`, a small fixed pool of spawned processes
that runs any picklable callable with a time budget (enforced by this process, which kills and restarts the
child) and a memory budget (the child's address space, `resource.setrlimit`). A child that crashes (signal 11,
MemoryError, OOM kill) is restarted and only its task fails, with the reason (`countyreports.errors.SandboxError`).

It is an `Executor`: `pool.submit(fn, *args)` with the pool's budget, `pool.submit_within(budget, fn, *args)`
with another; `Named(module, name)` is a function imported in the child only; `prestart(preload)` starts a
child before its pool (which adopts it: `BudgetPool(..., started=[child])`). The crawl, the re-parse and
`countyreports parse` use it as an Executor (module `pool`; the child's side in `child`, budgets in `budget`).

May import the vocabulary (`countyreports.errors`, `.models`, `.settings`) and nothing else of ours: what runs in
the children is given by the caller (the pipeline passes the read path).
"""

from countyreports.sandbox.budget import Budget
from countyreports.sandbox.pool import BudgetPool, Named
from countyreports.sandbox.spawn import Started, prestart

__all__ = ["Budget", "BudgetPool", "Named", "Started", "prestart"]
