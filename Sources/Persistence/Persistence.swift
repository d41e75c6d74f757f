// Persistence — see docs/architecture.md
