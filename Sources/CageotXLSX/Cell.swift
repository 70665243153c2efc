import CageotCore
import Foundation

/// One value to put in a cell; each case is written with the Excel type it names.
public enum Cell: Sendable, Hashable {
    case text(String)
    case number(Double)
    /// Written as a number of euros with the `Format.euroNumberFormat` unless the format has its own.
    case money(Money)
    /// Written as a number (Excel keeps 15 significant digits).
    case decimal(Decimal)
    /// Written as a number; must be within ±2⁵³ to stay exact.
    case integer(Int)
    /// Written as an Excel date with `Format.dateNumberFormat` unless the format has its own.
    case date(LocalDate)
    /// A formula (with or without the leading `=`) and its value, stored for readers that do not recalculate.
    case formula(String, cached: Double)
    /// An empty cell; only written when it has a format (borders, background).
    case blank
}
