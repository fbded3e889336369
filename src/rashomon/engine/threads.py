"""Thread limits for native libraries: ``one_thread(user_api)`` runs the block with the given
thread pool (``"blas"`` for numpy's OpenBLAS, ``"openmp"`` for scikit-learn) on one thread and
restores it after.

Why: the pipeline's matrix products (claims x 384) and classifier calls (a few thousand rows) are
small; a pool of spinning threads costs more than it gives, and on a busy two-core machine made
them several times slower (ANN blocking of 1,203 claims: 0.15 s on one thread, 0.8-2.2 s on two).
"""
from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def one_thread(user_api: str):
    """Inside the block, the ``user_api`` thread pool ("blas" or "openmp") uses one thread."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - threadpoolctl comes with scikit-learn
        yield
        return
    with threadpool_limits(limits=1, user_api=user_api):
        yield
