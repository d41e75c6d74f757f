// WorkshopUI — see docs/architecture.md
