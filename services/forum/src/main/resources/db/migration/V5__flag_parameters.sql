-- What a flag's summary says, as values (the records named with their kind and title, sectors, groups, areas,
-- dates), so that readers get it worded in their own language; as the contract CoherenceFlagParameters writes it.
-- Flags raised before get theirs at the next check of their forum.
ALTER TABLE coherence_flag ADD COLUMN parameters jsonb;
