import PoolCore
import TerminalUI

extension DashboardState {
    /// The effects of one key press, after DESIGN.md §3; unknown keys do nothing.
    mutating func handle(_ key: Key) -> [DashboardEffect] {
        switch key {
        case .escape:
            if isHelpVisible { setHelpVisible(false) }
            return []
        case .control("c"), .character("q"):
            return [.quit]
        case .character(let character):
            return handle(character).map(DashboardEffect.command)
        default:
            return []
        }
    }

    private mutating func handle(_ character: Character) -> [PoolCommand] {
        switch character {
        case "b":
            echo("b: burst fired")
            return [.fireBurst]
        case "a": return toggleArrivals()
        case "+", "=": return changeCap(by: 1)
        case "-": return changeCap(by: -1)
        case "]": return changeCap(by: 10)
        case "[": return changeCap(by: -10)
        case "m": return cycleMode()
        case "w": return cycleWorkKind()
        case "l": return toggleLock()
        case "g": return toggleInterpreterLock()
        case "k": return killWorker()
        case "<": return scaleTime(by: 2)
        case ">": return scaleTime(by: 0.5)
        case " ":
            togglePause()
            return []
        case "r":
            echo("r: statistics reset")
            return [.resetStatistics]
        case "t":
            cycleTheme()
            return []
        case "?":
            setHelpVisible(!isHelpVisible)
            if isHelpVisible { sweep.isVisible = false }
            return []
        default:
            return []
        }
    }

    // MARK: - Settings as the engine will soon have them

    /// The cap the engine has or is about to have.
    var effectiveCap: Int { pending.cap?.value ?? live.snapshot.configuration.cap }
    /// The mode the engine is in or about to be in.
    var effectiveMode: PoolMode { pending.mode?.value ?? live.snapshot.configuration.mode }
    /// The time scale the engine has or is about to have.
    var effectiveTimeScale: Double { pending.timeScale?.value ?? live.snapshot.configuration.timeScale }
    /// Whether the lock is, or is about to be, on.
    var effectiveLockEnabled: Bool { pending.lockEnabled?.value ?? live.snapshot.configuration.lockEnabled }
    /// Whether the interpreter-lock emulation is, or is about to be, on.
    var effectiveInterpreterLockEnabled: Bool {
        pending.interpreterLockEnabled?.value ?? live.snapshot.configuration.interpreterLockEnabled
    }
    /// Whether continuous arrivals are, or are about to be, on.
    var effectiveArrivalsEnabled: Bool { pending.arrivalsEnabled?.value ?? live.snapshot.workload?.arrivalsEnabled ?? false }
    /// The work kind tasks have or are about to have; nil when no workload has been seen.
    var effectiveWorkKind: WorkKind? { pending.workKind?.value ?? live.snapshot.workload?.task.kind }

    /// The engine time a command is stamped with, to age pending values.
    private var now: UInt64 { live.snapshot.elapsedNanos }

    // MARK: - Commands

    private mutating func changeCap(by delta: Int) -> [PoolCommand] {
        let current = effectiveCap
        let target = PoolLimits.clampCap(current + delta)
        guard target != current else {
            note("cap already at its \(delta > 0 ? "maximum" : "minimum") \(current)", severity: .warning)
            return []
        }
        pending.cap = .init(value: target, issuedAtNanos: now)
        echo("cap \(current) → \(target)")
        return [.resize(to: target)]
    }

    private mutating func cycleMode() -> [PoolCommand] {
        let current = effectiveMode
        let next = current.next(among: availableModes)
        guard next != current else {
            note("no other mode available", severity: .warning)
            return []
        }
        pending.mode = .init(value: next, issuedAtNanos: now)
        echo("mode \(current.rawValue) → \(next.rawValue)")
        return [.switchMode(to: next)]
    }

    private mutating func cycleWorkKind() -> [PoolCommand] {
        let next: WorkKind
        switch effectiveWorkKind {
        case .cpu: next = .io
        case .io: next = .mixed
        case .mixed, nil: next = .cpu
        }
        pending.workKind = .init(value: next, issuedAtNanos: now)
        echo("work \(next.rawValue)")
        return [.setWorkKind(next)]
    }

    private mutating func toggleLock() -> [PoolCommand] {
        let next = !effectiveLockEnabled
        pending.lockEnabled = .init(value: next, issuedAtNanos: now)
        echo("lock \(next ? "on" : "off")")
        return [.setLockEnabled(next)]
    }

    private mutating func toggleInterpreterLock() -> [PoolCommand] {
        let next = !effectiveInterpreterLockEnabled
        pending.interpreterLockEnabled = .init(value: next, issuedAtNanos: now)
        echo("GIL emulation \(next ? "on" : "off")")
        return [.setInterpreterLockEnabled(next)]
    }

    private mutating func toggleArrivals() -> [PoolCommand] {
        let next = !effectiveArrivalsEnabled
        pending.arrivalsEnabled = .init(value: next, issuedAtNanos: now)
        echo("arrivals \(next ? "on" : "off")")
        return [.setArrivalsEnabled(next)]
    }

    private mutating func killWorker() -> [PoolCommand] {
        guard effectiveMode == .processes else {
            let hint = availableModes.contains(.processes) ? " (m switches mode)" : ""
            note("k needs processes mode\(hint)", severity: .warning)
            return []
        }
        echo("k: worker killed")
        return [.killWorker]
    }

    /// Multiplies the time scale by `factor` within `PoolLimits.timeScale` (`<` doubles it: slower).
    private mutating func scaleTime(by factor: Double) -> [PoolCommand] {
        let current = effectiveTimeScale
        let target = PoolLimits.clampTimeScale(current * factor)
        guard target != current else {
            note("time scale already at \(NumberText.timeScale(current))", severity: .warning)
            return []
        }
        pending.timeScale = .init(value: target, issuedAtNanos: now)
        echo("time scale \(NumberText.timeScale(target))\(target > current ? " (slower)" : " (faster)")")
        return [.setTimeScale(target)]
    }
}
