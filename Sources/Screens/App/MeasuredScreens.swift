import Domain
import TerminalUI

/// The screens `tthtcd bench run` opens to measure them, named by what they show rather than by the keys that
/// reach them: the work of opening a screen is what is measured, not the way there.
public enum MeasuredScreen: Sendable {
    case roster
    case board(centreID: Int64)
    case compliance
    case campaigns(centreID: Int64)
    case keyedEntry(campaignID: Int64)
    case responses(campaignID: Int64)
    case needs(campaignID: Int64)
    case plans(centreID: Int64)
    case plan(planID: Int64)
    case inbox
    case audit

    var route: Route {
        switch self {
        case .roster: return .roster
        case .board(let id): return .board(centreID: id, asOf: nil)
        case .compliance: return .compliance
        case .campaigns(let id): return .campaigns(centreID: id)
        case .keyedEntry(let id): return .surveyEntry(campaignID: id, responseID: nil)
        case .responses(let id): return .responses(campaignID: id)
        case .needs(let id): return .needs(campaignID: id)
        case .plans(let id): return .plans(centreID: id)
        case .plan(let id): return .plan(planID: id)
        case .inbox: return .inbox
        case .audit: return .audit
        }
    }
}

extension App {
    /// Opens a screen on top of the stack, as its route would from the menu.
    public func open(measured screen: MeasuredScreen) { open(screen.route) }

    /// Closes the screen on top (never the last one), without the questions a person would be asked.
    public func closeTop() { if stack.count > 1 { stack.removeLast() } }

    /// How many screens are open.
    public var depth: Int { stack.count }
}
