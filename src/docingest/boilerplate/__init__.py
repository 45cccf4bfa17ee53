"""The in-story boilerplate model: features of what a block does, pure-Python inference over shipped weights,
and the deterministic trainer that made them (see ``docs/boilerplate.md``)."""
