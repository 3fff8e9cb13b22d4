"""Cross-report storage, linking and reconciliation of extracted events."""

from warwire.ledger.ledger import IngestReport, Ledger
from warwire.ledger.link import link_documents

__all__ = ["IngestReport", "Ledger", "link_documents"]
