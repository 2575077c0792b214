import ArgumentParser
import Foundation

/// Entry point: runs `CoursemapCommand` and maps failures to Coursemap's exit statuses.
@main
enum Main {
    static func main() {
        exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    /// Runs one command line (without the program name) and returns its exit status:
    /// 0 success, 1 the content has errors, 2 usage or file-system failure (parse and validation errors
    /// included), 3 `coverage --diff` found coverage lost.
    static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try CoursemapCommand.parseAsRoot(arguments)
            AllocatorSetup.configure(for: command)
            try command.run()
            return 0
        } catch let failure as UsageFailure {
            Console.error("coursemap: error: \(failure.description)\n")
            return 2
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
            let status = CoursemapCommand.exitCode(for: error)
            if status == .success {  // --help, --version
                Console.output(CoursemapCommand.fullMessage(for: error) + "\n")
                return 0
            }
            Console.error(CoursemapCommand.fullMessage(for: error) + "\n")
            return 2
        }
    }
}
