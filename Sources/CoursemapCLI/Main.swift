import ArgumentParser
import Foundation

/// Entry point: runs `CoursemapCommand` and maps failures to Coursemap's exit statuses.
@main
enum Main {
    static func main() {
        do {
            var command = try CoursemapCommand.parseAsRoot()
            try command.run()
        } catch let failure as UsageFailure {
            Console.error("coursemap: error: \(failure.description)\n")
            exit(2)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            let status = CoursemapCommand.exitCode(for: error)
            if status == .success {
                CoursemapCommand.exit(withError: error)  // --help, --version
            }
            Console.error(CoursemapCommand.fullMessage(for: error) + "\n")
            exit(2)
        }
    }
}
