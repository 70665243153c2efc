import CageotCore
import CageotDocuments
import CageotLayout
import Foundation
import Testing

struct CheckDepositLayoutTests {
    /// `count` households, each with one check of 12,34 € in the slip's range.
    func payments(checks count: Int) -> Payments {
        let from = LocalDate(year: 2026, month: 10, day: 1)
        let contract = PaymentsContract(id: 1, name: "Légumes", groupId: 1, groupName: "AMAP de Rezé", vendorName: "Kervœn",
                                        checkOrder: "EARL Kervœn", startDate: from, endDate: from.adding(days: 300))
        let subscriptions = (0..<count).map {
            PaymentsSubscription(id: $0, member: Member(id: $0, firstName: "Anne-Sophie \($0)", lastName: "DUPONT-LEFÈVRE"),
                                 partner: nil, startDate: from, endDate: from.adding(days: 300))
        }
        let operations = (0..<count).map {
            PaymentsOperation(id: $0, subscriptionId: $0, date: LocalDateTime(date: from.adding(days: $0 % 30)),
                              name: String(1_000_000 + $0), amount: Money(cents: 1234), data: #"{"type":"check"}"#)
        }
        return Payments(PaymentsData(contract: contract, from: from, to: from.adding(days: 60), subscriptions: subscriptions,
                                     orders: [], payments: operations))
    }

    func texts(_ page: Page) -> [String] {
        page.items.compactMap { if case let .text(text, _, _) = $0 { text } else { nil } }
    }

    @Test(arguments: [0, 1, 40])
    func aUsualDepositFitsOnePage(checks: Int) {
        let pages = CheckDepositLayout().layout(payments(checks: checks), measurer: FixedWidthMeasurer())
        #expect(pages.count == 1)
        let text = texts(pages[0])
        #expect(text.contains("À l'ordre de : EARL Kervœn"))
        #expect(text.contains("Total : \(checks) chèque\(checks > 1 ? "s" : "")"))
        #expect(text.filter { $0.hasPrefix("1000") }.count == checks)
    }

    @Test func aLongDepositContinuesWithTheHeaderRepeatedAndNothingOverflows() {
        let layout = CheckDepositLayout()
        let pages = layout.layout(payments(checks: 120), measurer: FixedWidthMeasurer())
        #expect(pages.count > 1)
        for page in pages.dropFirst() { #expect(texts(page).contains("N° de chèque")) }
        #expect(pages.flatMap(texts).filter { $0.hasPrefix("1000") }.count == 120)
        for page in pages {
            for item in page.items {
                if case let .text(_, frame, _) = item { #expect(frame.maxY <= page.size.height - 28 + 0.01) }
            }
        }
    }
}
