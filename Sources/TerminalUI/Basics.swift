// Widgets measure, cut, wrap and filter text with the shared text helpers; screens that draw need them too.
@_exported import Basics
