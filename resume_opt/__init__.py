"""resume-opt: a batch pipeline that tailors candidates' resumes to job descriptions.

`from resume_opt import enqueue` is the platform app's way to queue work (resume_opt/api.py);
it is imported on first use, so `import resume_opt` stays cheap.
"""

from __future__ import annotations

__version__ = "0.1.0"

TYPE_CHECKING = False  # not typing's: importing typing would cost more than the rest
if TYPE_CHECKING:
    from resume_opt.api import EnqueueOutcome, enqueue, enqueue_async

__all__ = ["EnqueueOutcome", "__version__", "enqueue", "enqueue_async"]
_API = frozenset({"enqueue", "enqueue_async", "EnqueueOutcome"})


def __getattr__(name: str) -> object:
    if name in _API:
        from resume_opt import api

        return getattr(api, name)
    raise AttributeError(f"module 'resume_opt' has no attribute {name!r}")
