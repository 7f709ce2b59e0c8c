"""Who said it: speaker mentions, their parts, and the entities they refer to."""
