// Workshop — see docs/architecture.md
