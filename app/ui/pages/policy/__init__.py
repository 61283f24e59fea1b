"""The Rancangan Kebijakan page (issue #14): policy drafts, their FGD and their adoption."""

from .page import PolicyPage

__all__ = ["PolicyPage"]
