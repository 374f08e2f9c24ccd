import Testing
import TraguardoWeb

@Test func webModuleIsLinked() { #expect(TraguardoWebModule.name == "TraguardoWeb") }
