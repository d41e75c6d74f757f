// StateMachine — see docs/architecture.md
