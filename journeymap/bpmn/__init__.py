"""Processes as BPMN 2.0 XML with diagram layout, for IT departments and vendors.

:mod:`~journeymap.bpmn.graph` decides what each part of a process becomes, :mod:`~journeymap.bpmn.layout`
where it goes, :mod:`~journeymap.bpmn.writer` writes the XML, :mod:`~journeymap.bpmn.ids` names it.
"""

from journeymap.bpmn.writer import process_bpmn

__all__ = ["process_bpmn"]
