import Testing
import TraguardoServer

@Test func serverModuleIsLinked() { #expect(TraguardoServerModule.name == "TraguardoServer") }
