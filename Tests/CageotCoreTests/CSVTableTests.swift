import CageotCore
import Foundation
import Testing

struct CSVTableTests {
    @Test func frenchExcelReadsItInColumns() {
        var table = CSVTable()
        table.append([.text("Produit"), .text("Quantité"), .text("Montant"), .text("Date")])
        table.append([.text("Œufs (boîte de 12)"), .number(Decimal(string: "1.5")!), .money(Money(cents: 123456)), .date(LocalDate(year: 2026, month: 12, day: 3))])
        let bytes = [UInt8](table.data)
        #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "Produit;Quantité;Montant;Date\r\nŒufs (boîte de 12);1,5;1234,56;03/12/2026\r\n")
    }

    @Test(arguments: [
        ("a;b", "\"a;b\""), ("dit \"bio\"", "\"dit \"\"bio\"\"\""), ("ligne\nsuivante", "\"ligne\nsuivante\""),
        ("=SOMME(A1)", "'=SOMME(A1)"), ("06 12 34 56 78", "\"06 12 34 56 78\""), ("LE GOFF Élodie", "LE GOFF Élodie"),
    ])
    func textsAreQuotedOnlyWhenNeeded(text: String, field: String) {
        #expect(CSVTable.render(.text(text)) == field)
    }

    @Test func negativeAndSmallAmountsKeepTheirCents() {
        #expect(CSVTable.render(.money(Money(cents: -5))) == "-0,05")
        #expect(CSVTable.render(.money(Money(cents: 100))) == "1,00")
        #expect(CSVTable.render(.number(Decimal(string: "12345.25")!)) == "12345,25")
    }
}
