import Course
import Foundation
import Sandbox

/// A learner's submission: one file (graded as the track's entry, whatever its name) or a
/// folder holding the entry file plus any files of the learner's own.
public struct Submission: Sendable {
    public var url: URL
    public var isFolder: Bool
    /// The submission's id: its file or folder name (a batch's row key).
    public var id: String

    /// The submission at `url`, or an error saying why there is none.
    public init(_ url: URL) throws(GradingError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .missingSubmission(url.path)
        }
        self.url = url.standardizedFileURL
        self.isFolder = isDirectory.boolValue
        self.id = url.lastPathComponent
    }

    /// The track a submission belongs to by its file extension (a folder: by its files).
    public func inferTrack(of exercise: Exercise) -> Track? {
        if !isFolder { return exercise.tracks.first { $0.fileExtension == url.pathExtension } }
        return exercise.tracks.first { FileManager.default.fileExists(atPath: url.appendingPathComponent($0.entry).path) }
            ?? exercise.tracks.first { track in relativeFiles().contains { ($0 as NSString).pathExtension == track.fileExtension } }
    }

    /// The learner's own name for each `submission/<path>` of the run.
    public func learnerNames(for track: Track) -> [String: String] {
        guard isFolder else { return ["submission/\(track.entry)": url.lastPathComponent] }
        var names: [String: String] = [:]
        for file in relativeFiles() { names["submission/\(file)"] = file }
        return names
    }

    /// What the learner calls the entry file.
    public func entryName(for track: Track) -> String {
        isFolder ? track.entry : url.lastPathComponent
    }

    /// The work-dir entries of the submission: `submission/<entry>` or the folder's contents.
    public func files(for track: Track) throws(GradingError) -> [String: FileSource] {
        guard isFolder else { return ["submission/\(track.entry)": .copy(url)] }
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent(track.entry).path) else {
            throw .missingEntry(folder: url.path, entry: track.entry)
        }
        return ["submission": .copy(url)]
    }

    /// A fingerprint of the submission's contents (paths and bytes), for batch resumption.
    public func fingerprint() -> String {
        guard isFolder else { return SHA256.hex((try? Data(contentsOf: url)) ?? Data()) }
        var hasher = SHA256()
        for file in relativeFiles() {
            hasher.update(Array(file.utf8) + [0])
            let data = (try? Data(contentsOf: url.appendingPathComponent(file))) ?? Data()
            hasher.update(Array(String(data.count).utf8) + [0])
            hasher.update(data)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The folder's regular files, relative, sorted.
    func relativeFiles() -> [String] {
        guard isFolder, let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let base = url.resolvingSymlinksInPath().path
        var files: [String] = []
        for case let file as URL in enumerator {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = file.resolvingSymlinksInPath().path
            guard path.hasPrefix(base + "/") else { continue }
            files.append(String(path.dropFirst(base.count + 1)))
        }
        return files.sorted()
    }
}

/// Why grading could not start. Each description says what to do.
public enum GradingError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingSubmission(String)
    case missingEntry(folder: String, entry: String)
    case unknownExercise(String, course: String, known: [String])
    case noCourse(String, course: String)
    case unknownTrack(String, known: [String])
    case cannotInferTrack(String, known: [String])
    case invalidExercise(String)
    case sandbox(SandboxError)

    public var description: String {
        switch self {
        case .missingSubmission(let path): "no submission at \(path)"
        case .missingEntry(let folder, let entry): "the submission folder \(folder) has no \(entry)"
        case .unknownExercise(let name, let course, let known):
            "no exercise '\(name)'" + (known.isEmpty ? " in the course at '\(course)', which has no exercises" : " (exercises: \(known.joined(separator: ", ")))")
                + "; give a slug of the course's exercises folder, the path of an exercise folder, or --course"
        case .noCourse(let name, let course):
            "'\(name)' is not an exercise folder, and there is no course at '\(course)' to look it up in; "
                + "give the exercise folder's path or --course"
        case .unknownTrack(let name, let known): "the exercise has no track '\(name)' (tracks: \(known.joined(separator: ", ")))"
        case .cannotInferTrack(let path, let known):
            "cannot tell the track of \(path) from its extension; pass --track (\(known.joined(separator: ", ")))"
        case .invalidExercise(let detail): "the exercise cannot be graded: \(detail)"
        case .sandbox(let error): error.description
        }
    }
}
