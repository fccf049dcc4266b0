"""The search a consultation and a what-if run on: the rulebook evaluated in plain Python
over answer classes, group by group of fields, with proofs over every completion."""
