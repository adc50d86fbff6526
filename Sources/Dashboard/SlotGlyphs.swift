import PoolCore
import TerminalUI

/// The character each slot state is drawn with, so the state reads without color: in the slot
/// grid, in its legend, in the details of a clicked slot and in the help.
enum SlotGlyphs {
    /// The glyph of a slot in `state`: retiring wins over the phase (the slot is on its way out).
    static func character(for state: SlotState) -> Character {
        if state.isRetiring && state.phase != .empty && state.phase != .crashed { return "↓" }
        return character(for: state.phase)
    }

    /// The glyph of `phase`, ignoring retirement.
    static func character(for phase: SlotPhase) -> Character {
        switch phase {
        case .empty: return " "
        case .starting: return "↑"
        case .idle: return "·"
        case .busy: return "█"
        case .waitingForLock: return "◌"
        case .holdingLock: return "◆"
        case .waitingForInterpreter: return "◐"
        case .crashed: return "✗"
        }
    }

    /// What the state is called in the details line.
    static func name(of state: SlotState) -> String {
        let phase: String
        switch state.phase {
        case .empty: phase = "empty"
        case .starting: phase = "starting"
        case .idle: phase = "idle"
        case .busy: phase = "running"
        case .waitingForLock: phase = "waiting for the lock"
        case .holdingLock: phase = "holding the lock"
        case .waitingForInterpreter: phase = "waiting for the GIL"
        case .crashed: phase = "crashed"
        }
        return state.isRetiring ? phase + ", retiring" : phase
    }

    /// The legend entries, glyph and short label, in the order the legend shows them.
    static let legend: [(glyph: Character, label: String)] = [
        ("·", "idle"), ("█", "busy"), ("◌", "wait lock"), ("◆", "in lock"),
        ("◐", "wait GIL"), ("↑", "start"), ("↓", "retire"), ("✗", "crash"),
    ]

    /// The cell of a slot: its glyph in the style of its request (busy, waiting for the GIL) or of
    /// its phase (idle, starting, at the lock, crashed); a retiring busy slot keeps its request's.
    static func glyph(for state: SlotState, styles: DashboardStyles) -> SlotGlyph {
        let character = character(for: state)
        let style: Style
        switch state.phase {
        case .empty: style = styles.emptySlot
        case .starting: style = styles.startingSlot
        case .idle: style = state.isRetiring ? styles.retiringSlot : styles.idleSlot
        case .crashed: style = styles.crashedSlot
        case .waitingForLock: style = styles.lockWaitSlot
        case .holdingLock: style = styles.lockHoldSlot
        case .busy, .waitingForInterpreter: style = styles.request(state.requestID)
        }
        return SlotGlyph(character, style: style, isBusy: state.isRunningTask)
    }
}
