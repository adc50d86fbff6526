import PoolCore
import TerminalUI

extension DashboardState {
    /// The effects of one key press, as `KeyBindings.standard` says; unknown keys do nothing.
    mutating func handle(_ key: Key) -> [DashboardEffect] {
        guard let action = KeyBindings.standard.action(for: key, in: self) else { return [] }
        // The step's check starts from the figures as they were before the key took effect.
        lesson?.keyPressed(key, observation: live, now: hasTicked ? clockNanos : nil)
        return action(&self)
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
    var effectiveLimiter: LimitAlgorithm { pending.limiter?.value ?? live.snapshot.limiter?.settings.algorithm ?? .fixed }
    /// The adaptive limiter the pool runs, or was just asked to run.
    var effectiveArrivalsEnabled: Bool { pending.arrivalsEnabled?.value ?? live.snapshot.workload?.arrivalsEnabled ?? false }
    /// The work kind tasks have or are about to have; nil when no workload has been seen.
    var effectiveWorkKind: WorkKind? { pending.workKind?.value ?? live.snapshot.workload?.task.kind }

    /// The engine time a command is stamped with, to age pending values.
    private var now: UInt64 { live.snapshot.elapsedNanos }

    // MARK: - Commands

    /// Starts or stops recording (`R`); a replay is a recording already.
    mutating func toggleRecording() -> [DashboardEffect] {
        guard !isReplay else {
            note("a replay is a recording already: R records live sources", severity: .warning)
            return []
        }
        return [.toggleRecording]
    }

    mutating func fireBurst() -> [DashboardEffect] {
        echo("b: burst fired")
        return [.command(.fireBurst)]
    }

    mutating func resetStatistics() -> [DashboardEffect] {
        echo("r: statistics reset")
        return [.command(.resetStatistics)]
    }

    mutating func changeCap(by delta: Int) -> [DashboardEffect] {
        let current = effectiveCap
        let target = PoolLimits.clampCap(current + delta)
        guard target != current else {
            note("cap already at its \(delta > 0 ? "maximum" : "minimum") \(current)", severity: .warning)
            return []
        }
        return ask(\.cap, for: target, echo: "cap \(current) → \(target)", .resize(to: target))
    }

    mutating func cycleMode() -> [DashboardEffect] {
        let current = effectiveMode
        let next = current.next(among: availableModes)
        guard next != current else {
            note("no other mode available", severity: .warning)
            return []
        }
        return ask(\.mode, for: next, echo: "mode \(current.rawValue) → \(next.rawValue)", .switchMode(to: next))
    }

    /// `d`: the next of fixed, aimd, vegas and gradient2 (within the bounds the pool was started
    /// with: `--limit-min`, `--limit-max`).
    mutating func cycleLimiter() -> [DashboardEffect] {
        let next = effectiveLimiter.next
        let bounds = live.snapshot.configuration.limiter ?? LimitSettings(algorithm: .fixed)
        let settings = LimitSettings(algorithm: next, minimum: bounds.minimum, maximum: bounds.maximum)
        let echo = next.isAdaptive ? "limiter \(next.rawValue): it moves the cap (\(settings.minimum)…\(settings.maximum))"
            : "limiter off: the cap stays where it is"
        return ask(\.limiter, for: next, echo: echo, .setLimiter(settings))
    }

    mutating func cycleWorkKind() -> [DashboardEffect] {
        let next: WorkKind
        switch effectiveWorkKind {
        case .cpu: next = .io
        case .io: next = .mixed
        case .mixed, nil: next = .cpu
        }
        return ask(\.workKind, for: next, echo: "work \(next.rawValue)", .setWorkKind(next))
    }

    mutating func toggleLock() -> [DashboardEffect] {
        let next = !effectiveLockEnabled
        return ask(\.lockEnabled, for: next, echo: "lock \(next ? "on" : "off")", .setLockEnabled(next))
    }

    mutating func toggleInterpreterLock() -> [DashboardEffect] {
        let next = !effectiveInterpreterLockEnabled
        return ask(\.interpreterLockEnabled, for: next, echo: "GIL emulation \(next ? "on" : "off")", .setInterpreterLockEnabled(next))
    }

    mutating func toggleArrivals() -> [DashboardEffect] {
        let next = !effectiveArrivalsEnabled
        return ask(\.arrivalsEnabled, for: next, echo: "arrivals \(next ? "on" : "off")", .setArrivalsEnabled(next))
    }

    mutating func killWorker() -> [DashboardEffect] {
        guard effectiveMode == .processes else {
            let hint = availableModes.contains(.processes) ? " (m switches mode)" : ""
            note("k needs processes mode\(hint)", severity: .warning)
            return []
        }
        echo("k: worker killed")
        return [.command(.killWorker)]
    }

    /// Multiplies the time scale by `factor` within `PoolLimits.timeScale` (`<` doubles it: slower).
    mutating func scaleTime(by factor: Double) -> [DashboardEffect] {
        let current = effectiveTimeScale
        let target = PoolLimits.clampTimeScale(current * factor)
        guard target != current else {
            note("time scale already at \(NumberText.timeScale(current))", severity: .warning)
            return []
        }
        let echo = "time scale \(NumberText.timeScale(target))\(target > current ? " (slower)" : " (faster)")"
        return ask(\.timeScale, for: target, echo: echo, .setTimeScale(target))
    }

    /// Asks the engine for a setting: remembers `value` as pending until a snapshot shows it,
    /// echoes `text` in the footer, and returns `command`.
    mutating func ask<Value>(
        _ setting: WritableKeyPath<PendingChanges, PendingChanges.Entry<Value>?>,
        for value: Value,
        echo text: String,
        _ command: PoolCommand
    ) -> [DashboardEffect] {
        pending[keyPath: setting] = .init(value: value, issuedAtNanos: now)
        echo(text)
        return [.command(command)]
    }

    // MARK: - Screen

    /// Opens the help overlay (closing the sweep overlay), or closes it.
    mutating func toggleHelp() -> [DashboardEffect] {
        setHelpVisible(!isHelpVisible)
        if isHelpVisible { sweep.isVisible = false }
        return []
    }

    /// Closes the overlay that shows, if any.
    mutating func closeOverlay() -> [DashboardEffect] {
        if lessonListSelection != nil {
            lessonListSelection = nil
        } else if sweep.isVisible {
            sweep.isVisible = false
        } else if isHelpVisible {
            setHelpVisible(false)
        }
        return []
    }

    // MARK: - Lessons

    /// Opens or closes the `L` list of lessons.
    mutating func toggleLessonList() -> [DashboardEffect] {
        if lessonListSelection != nil {
            lessonListSelection = nil
        } else if live.snapshot.sourceTitle != nil || isReplay {
            let reason = "lessons run pooltop's own pool: start one with pooltop lesson NAME"
            note(reason, severity: .warning)
            echo(reason)
        } else if lessons.isEmpty {
            note("no lessons found: put *.lesson files in lessons/ or $POOLTOP_LESSONS", severity: .warning)
            echo("L: no lessons found")
        } else {
            let open = lesson.flatMap { progress in lessons.firstIndex { $0.name == progress.lesson.name } }
            lessonListSelection = open ?? 0
        }
        return []
    }

    /// Moves the selection in the `L` list.
    mutating func moveLessonSelection(by offset: Int) -> [DashboardEffect] {
        guard let selected = lessonListSelection, !lessons.isEmpty else { return [] }
        lessonListSelection = min(lessons.count - 1, max(0, selected + offset))
        return []
    }

    /// Opens the lesson selected in the `L` list: the runner starts its scenario.
    mutating func openSelectedLesson() -> [DashboardEffect] {
        guard let selected = lessonListSelection, lessons.indices.contains(selected) else { return [] }
        lessonListSelection = nil
        return [.openLesson(lessons[selected])]
    }

    /// `n`/Enter or `p`: the next or previous step of the lesson.
    mutating func moveLesson(forward: Bool) -> [DashboardEffect] {
        guard var progress = lesson else { return [] }
        let now = hasTicked ? clockNanos : nil
        if forward {
            progress.next(observation: live, now: now)
        } else {
            progress.previous(observation: live, now: now)
        }
        if progress.isFinished {
            let passed = progress.outcomes.count { if case .passed = $0 { true } else { false } }
            note("lesson \(progress.lesson.name) finished: \(passed) of \(progress.outcomes.count) checks seen")
        }
        lesson = progress
        return []
    }

    /// `C`/`c`: doubles or halves the time each task holds the shared lock (from 0, `C` starts at 10 µs).
    mutating func scaleCriticalSection(up: Bool) -> [DashboardEffect] {
        let current = live.snapshot.configuration.criticalSectionNanos
        let next = up ? (current == 0 ? 10_000 : PoolLimits.clampCriticalSection(current * 2)) : (current < 10_000 ? 0 : current / 2)
        guard next != current else { return [] }
        echo("\(up ? "C" : "c"): critical section \(DurationText.format(nanoseconds: current)) → \(DurationText.format(nanoseconds: next))")
        return [.command(.setCriticalSection(nanos: next))]
    }

    /// `x`: the next of abort, caller-runs, discard-newest and discard-oldest, for a bounded queue.
    mutating func cycleRejectPolicy() -> [DashboardEffect] {
        let configuration = live.snapshot.configuration
        guard configuration.queueBound != nil else {
            let reason = "x changes what a full queue does: start with --queue-bound N"
            note(reason, severity: .warning)
            echo(reason)
            return []
        }
        let all = RejectPolicy.allCases
        let next = all[((all.firstIndex(of: configuration.rejectPolicy) ?? 0) + 1) % all.count]
        echo("x: full queue → \(next.rawValue)")
        return [.command(.setRejectPolicy(next))]
    }
}
