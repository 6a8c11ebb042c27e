// The text helpers and `Severity` are part of every domain value's vocabulary: whoever imports Domain gets them.
@_exported import Basics
