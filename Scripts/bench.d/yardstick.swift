// Yardsticks for figure 1 (Scripts/bench): Swift programs that only start and end ncurses the
// way the C one does (Scripts/bench.d/ncurses-minimal.c), built static like Campfire, to show
// how much of Campfire's start-up any such Swift program pays before doing anything of its own.
//
//   (no flag)                Swift and ncurses only
//   -DYARDSTICK_ESSENTIALS   also decodes JSON with FoundationEssentials (as Campfire's first screen does)
//   -DYARDSTICK_FOUNDATION   the same with the whole of Foundation linked in (CoreFoundation, ICU)
#if YARDSTICK_FOUNDATION
import Foundation
#elseif YARDSTICK_ESSENTIALS
import FoundationEssentials
import Glibc
#else
import Glibc
#endif

setlocale(LC_ALL, "")
guard let screen = newterm(nil, stdout, stdin) else { exit(1) }
#if YARDSTICK_FOUNDATION || YARDSTICK_ESSENTIALS
let words = try! JSONDecoder().decode([String].self, from: Data(#"["a"]"#.utf8))
if words.isEmpty { exit(2) }
#endif
#if YARDSTICK_FOUNDATION
// Never true: only makes the linker bring in the rest of Foundation, as a program using it would.
if CommandLine.arguments.count > 99 { print(String(format: "%d", words.count)) }
#endif
refresh()
endwin()
delscreen(screen)
