import Domain
import Storage
import TerminalUI

/// What waits for the person signed in: plans returned to the director, amendments being drafted, plans awaiting
/// the leader's approval (amendments named as such). Shown at sign-in and from the menu; Enter opens each.
enum WaitingWork {
    struct Item: Equatable {
        let plan: Plan
        let centre: Centre
        let kind: StringKey
    }

    @MainActor
    static func items(_ ctx: AppContext) -> [Item] {
        guard ctx.account != nil else { return [] }
        let centres = ((try? ctx.database.centres(provinceCode: ctx.office?.provinceCode)) ?? [])
            .filter { ctx.office?.covers($0, units: ctx.units) ?? true }
        let byID = Dictionary(uniqueKeysWithValues: centres.compactMap { c in c.id.map { ($0, c) } })
        var items: [Item] = []
        for plan in (try? ctx.database.plans()) ?? [] {
            guard let centre = byID[plan.centreID] else { continue }
            // Only the centres the person's scope covers: what waits for them is what they may act on.
            if plan.status == .returned && ctx.can(.submitPlans, on: centre) {
                items.append(Item(plan: plan, centre: centre, kind: .waitingReturned))
            } else if plan.status == .draft && plan.version > 1 && ctx.can(.draftPlans, on: centre) {
                items.append(Item(plan: plan, centre: centre, kind: .waitingAmendmentDraft))
            } else if plan.status == .submitted && ctx.can(.approvePlans, on: centre) {
                items.append(Item(plan: plan, centre: centre, kind: plan.version > 1 ? .waitingAmendment : .waitingApproval))
            }
        }
        return items
    }

    /// The list to pick from, and the route each item opens, by item id.
    @MainActor
    static func picker(_ items: [Item], _ ctx: AppContext) -> (PickerDialog, [String: Route]) {
        let s = ctx.strings
        var routes: [String: Route] = [:]
        let choices = items.enumerated().map { index, item -> ChoiceItem in
            routes[String(index)] = .plan(planID: item.plan.id ?? 0)
            return ChoiceItem(id: String(index), label: s[item.kind] + " · " + s.planName(item.plan, centre: item.centre))
        }
        return (PickerDialog(title: s(.waitingTitle, items.count), items: choices), routes)
    }
}
