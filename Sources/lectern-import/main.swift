import Exchange
import ExchangeImport
import Foundation

// The importer behind `lectern import`, which checks the user's command line and starts
// this executable with an `ImportRequest`'s arguments (see ImportRequest.swift).

do {
    let request = try ImportRequest(arguments: Array(CommandLine.arguments.dropFirst()))
    let status = ImportRun.execute(request, write: { FileHandle.standardOutput.write(Data($0.utf8)) },
                                   writeError: { FileHandle.standardError.write(Data($0.utf8)) })
    exit(status)
} catch {
    FileHandle.standardError.write(Data("error: \(error). \(ImportRequest.executableName) is the importer of `lectern import`; run that instead.\n".utf8))
    exit(2)
}
