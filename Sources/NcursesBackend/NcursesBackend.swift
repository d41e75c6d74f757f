// NcursesBackend — see docs/architecture.md
import CNcursesw
