@testable import CoursemapWrite
import Foundation
import Testing

/// Staging folders are named by a process tag that tells a running process from one that is gone.
@Suite("Process tag")
struct ProcessTagTests {
    @Test("this process's tag reads back and names a running process")
    func currentIsRunning() throws {
        let tag = ProcessTag.current
        #expect(tag.pid == getpid())
        #expect(ProcessTag(parsing: Substring(tag.description)) == tag)
        #expect(ProcessTag(parsing: Substring(tag.description + "-interrupted")) == tag)
        #expect(tag.isRunning)
    }

    @Test("the same id with another start time or boot, or an id no process has, is not running")
    func goneProcesses() throws {
        let tag = ProcessTag.current
        #expect(!ProcessTag(pid: tag.pid, boot: tag.boot, start: tag.start + 1).isRunning)
        #expect(!ProcessTag(pid: tag.pid, boot: tag.boot == "0123456789ab" ? "ba9876543210" : "0123456789ab", start: tag.start).isRunning)
        // Above the kernel's largest process id (4194304), so no process has it.
        #expect(!ProcessTag(pid: 4_194_305, boot: tag.boot, start: tag.start).isRunning)
    }

    @Test("names that are not a tag are not read as one", arguments: [
        "", "123", "123-", "abc-0123456789ab-5", "0-0123456789ab-5", "-5-0123456789ab-5", "12-0123456789a-5",
        "12-0123456789abc-5", "12-0123456789ag-5", "12-0123456789ab-", "12-0123456789ab-x", "99999999999-0123456789ab-1",
    ])
    func rejectsOtherNames(name: String) {
        #expect(ProcessTag(parsing: Substring(name)) == nil)
    }
}
