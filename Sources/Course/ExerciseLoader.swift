import Foundation
import Support
import Yams

/// Loads `exercise.yml` and checks the track layout of docs/grading-protocol.md.
public enum ExerciseLoader {
    /// Every exercise folder (one holding exercise.yml) under `directory`, sorted by slug.
    public static func loadAll(in directory: URL, displayDirectory: String, readsFiles: Bool = true,
                               diagnostics: inout [Diagnostic]) -> [Exercise] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().compactMap { name in
            let folder = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("exercise.yml").path) else { return nil }
            return load(folder, displayDirectory: join(displayDirectory, name), readsFiles: readsFiles, diagnostics: &diagnostics)
        }
    }

    /// The exercise in `folder`, or nil (with diagnostics) when its exercise.yml is unusable.
    /// `readsFiles`: also read its README (parsed, links checked) and starters.
    public static func load(_ folder: URL, displayDirectory: String, readsFiles: Bool = true,
                            diagnostics: inout [Diagnostic]) -> Exercise? {
        let path = join(displayDirectory, "exercise.yml")
        guard let text = SourceReader.read(folder.appendingPathComponent("exercise.yml"), displayPath: path, diagnostics: &diagnostics),
              let yaml = YAMLDocument.parse(text, path: path, diagnostics: &diagnostics),
              let root = yaml.mapping(diagnostics: &diagnostics) else { return nil }
        let slug = folder.lastPathComponent
        guard let title = yaml.string(root, "title", diagnostics: &diagnostics) else {
            diagnostics.append(.error(path, "exercise.yml needs a 'title'"))
            return nil
        }
        var exercise = Exercise(
            slug: slug, title: title, session: yaml.string(root, "session", diagnostics: &diagnostics),
            summary: yaml.string(root, "summary", diagnostics: &diagnostics) ?? "",
            groups: [], tracks: [], limits: ExerciseLimits(), directory: folder, displayDirectory: displayDirectory)
        exercise.groups = groups(yaml, root, diagnostics: &diagnostics)
        exercise.tracks = tracks(yaml, root, folder: folder, displayDirectory: displayDirectory, diagnostics: &diagnostics)
        exercise.limits = limits(yaml, root, diagnostics: &diagnostics)
        exercise.differential = differential(yaml, root, groups: exercise.groups, diagnostics: &diagnostics)
        if readsFiles { readPublishedFiles(of: &exercise, diagnostics: &diagnostics) }
        return exercise
    }

    /// The README (parsed, its links checked) and each track's starter, read once here so that
    /// every front end shows what `lectern check` checked. A file that leads outside the
    /// exercise folder is not read (the site warns that it is not published).
    private static func readPublishedFiles(of exercise: inout Exercise, diagnostics: inout [Diagnostic]) {
        if exercise.mayRead(exercise.readme) {
            let displayPath = join(exercise.displayDirectory, "README.md")
            if let text = SourceReader.read(exercise.readme, displayPath: displayPath, diagnostics: &diagnostics) {
                let page = Page.parse(text, relativePath: "README.md", displayPath: displayPath, diagnostics: &diagnostics)
                LinkChecker.check(page, root: exercise.directory, diagnostics: &diagnostics)
                exercise.readmePage = page
            }
        }
        for index in exercise.tracks.indices where exercise.mayRead(exercise.tracks[index].starter) {
            exercise.tracks[index].starterSource = try? String(contentsOf: exercise.tracks[index].starter, encoding: .utf8)
        }
    }

    /// `differential:` (docs/grading-protocol.md, Differential scenarios), or nil.
    private static func differential(_ yaml: YAMLDocument, _ root: Node.Mapping, groups: [TestGroup],
                                     diagnostics: inout [Diagnostic]) -> DifferentialSettings? {
        guard let node = root["differential"] else { return nil }
        guard case .mapping(let spec) = node else {
            diagnostics.append(.error(yaml.path, yaml.position(of: node), "'differential' must be a mapping (version, fixed_seeds, fresh_seeds, test)"))
            return nil
        }
        var settings = DifferentialSettings(group: groups.first?.id ?? "tests")
        let known: Set<String> = ["version", "fixed_seeds", "fresh_seeds", "test"]
        for (key, _) in spec where !known.contains(key.string ?? "") {
            diagnostics.append(.warning(yaml.path, yaml.position(of: key), "unknown key '\(key.string ?? "?")' in 'differential' (known: \(known.sorted().joined(separator: ", ")))"))
        }
        if let version = yaml.string(spec, "version", diagnostics: &diagnostics) { settings.version = version }
        for (key, assign) in [("fixed_seeds", { (value: Int) in settings.fixedSeeds = value }),
                              ("fresh_seeds", { (value: Int) in settings.freshSeeds = value })] {
            guard let value = yaml.int(spec, key, diagnostics: &diagnostics) else { continue }
            if value < 0 {
                diagnostics.append(.error(yaml.path, yaml.position(of: spec[key]), "'\(key)' must be 0 or more"))
            } else {
                assign(value)
            }
        }
        if let test = spec["test"] {
            guard case .mapping(let fields) = test else {
                diagnostics.append(.error(yaml.path, yaml.position(of: test), "'differential.test' must be a mapping (id, name, group)"))
                return settings
            }
            if let id = yaml.string(fields, "id", diagnostics: &diagnostics) { settings.testID = id }
            if let name = yaml.string(fields, "name", diagnostics: &diagnostics) { settings.testName = name }
            if let group = yaml.string(fields, "group", diagnostics: &diagnostics) { settings.group = group }
        }
        if !groups.contains(where: { $0.id == settings.group }) {
            diagnostics.append(.error(yaml.path, yaml.position(of: node), "'differential.test.group' is '\(settings.group)', not one of the exercise's groups (\(groups.map(\.id).joined(separator: ", ")))"))
        }
        return settings
    }

    private static func groups(_ yaml: YAMLDocument, _ root: Node.Mapping, diagnostics: inout [Diagnostic]) -> [TestGroup] {
        guard let node = root["groups"] else {
            return [TestGroup(id: "tests", title: "Tests", points: 100)]
        }
        guard case .sequence(let items) = node else {
            diagnostics.append(.error(yaml.path, yaml.position(of: node), "'groups' must be a list of {id, title, points}"))
            return []
        }
        var result: [TestGroup] = []
        for item in items {
            guard case .mapping(let group) = item, let id = yaml.string(group, "id", diagnostics: &diagnostics) else {
                diagnostics.append(.error(yaml.path, yaml.position(of: item), "each group needs an 'id'"))
                continue
            }
            let points = yaml.number(group, "points", diagnostics: &diagnostics) ?? 0
            if points <= 0 {
                diagnostics.append(.error(yaml.path, yaml.position(of: group["points"] ?? item), "group '\(id)' needs positive 'points'"))
            }
            result.append(TestGroup(id: id, title: yaml.string(group, "title", diagnostics: &diagnostics) ?? id, points: points))
        }
        return result
    }

    private static func tracks(_ yaml: YAMLDocument, _ root: Node.Mapping, folder: URL, displayDirectory: String, diagnostics: inout [Diagnostic]) -> [Track] {
        guard let node = root["tracks"], case .mapping(let tracks) = node else {
            diagnostics.append(.error(yaml.path, yaml.position(of: root["tracks"]), "exercise.yml needs 'tracks' (a mapping such as python: {entry: …, run: […]})"))
            return []
        }
        var result: [Track] = []
        for (key, value) in tracks {
            guard let name = key.string, case .mapping(let spec) = value else {
                diagnostics.append(.error(yaml.path, yaml.position(of: value), "each track must be a mapping with 'entry' and 'run'"))
                continue
            }
            guard let entry = yaml.string(spec, "entry", diagnostics: &diagnostics),
                  let run = yaml.strings(spec, "run", diagnostics: &diagnostics), !run.isEmpty else {
                diagnostics.append(.error(yaml.path, yaml.position(of: key), "track '\(name)' needs 'entry' (the learner's file name) and 'run' (argv)"))
                continue
            }
            let track = Track(name: name, entry: entry, compile: yaml.strings(spec, "compile", diagnostics: &diagnostics),
                              run: run, directory: folder.appendingPathComponent(name),
                              rulePrefix: yaml.string(spec, "rules", diagnostics: &diagnostics))
            checkLayout(track, displayDirectory: join(displayDirectory, name), yamlPath: yaml.path, position: yaml.position(of: key), diagnostics: &diagnostics)
            result.append(track)
        }
        return result
    }

    /// A track without its starter, reference or tests is an error; without mutant patches, a warning.
    private static func checkLayout(_ track: Track, displayDirectory: String, yamlPath: String, position: (line: Int, column: Int), diagnostics: inout [Diagnostic]) {
        let fileManager = FileManager.default
        let required: [(URL, String)] = [
            (track.starter, "starter/\(track.entry)"),
            (track.reference, "reference/\(track.entry)"),
            (track.harness, "tests/harness/"),
            (track.expectations, "tests/expectations.json"),
        ]
        for (url, relative) in required where !fileManager.fileExists(atPath: url.path) {
            let what = relative.hasPrefix("starter") ? "starter" : relative.hasPrefix("reference") ? "reference" : "tests"
            diagnostics.append(.error(yamlPath, position, "track '\(track.name)' has no \(what): \(join(displayDirectory, relative)) is missing"))
        }
        if track.mutantPatches.isEmpty {
            diagnostics.append(.warning(yamlPath, position, "track '\(track.name)' has no mutants (*.patch files) in \(join(displayDirectory, "mutants/")); nothing shows its tests catch bugs"))
        }
    }

    /// exercise.yml's `limits` keys, each with the field it sets: the one list of known keys.
    private static let limitSetters: [String: @Sendable (inout ExerciseLimits, Double) -> Void] = [
        "wall_seconds": { $0.wallSeconds = $1 },
        "cpu_seconds": { $0.cpuSeconds = Int($1.rounded(.up)) },
        "memory_mb": { $0.memoryMB = Int($1) },
        "processes": { $0.processes = Int($1) },
        "output_kb": { $0.outputKB = Int($1) },
        "disk_mb": { $0.diskMB = Int($1) },
        "compile_wall_seconds": { $0.compileWallSeconds = $1 },
        "compile_memory_mb": { $0.compileMemoryMB = Int($1) },
    ]

    private static func limits(_ yaml: YAMLDocument, _ root: Node.Mapping, diagnostics: inout [Diagnostic]) -> ExerciseLimits {
        var limits = ExerciseLimits()
        guard let node = root["limits"] else { return limits }
        guard case .mapping(let spec) = node else {
            diagnostics.append(.error(yaml.path, yaml.position(of: node), "'limits' must be a mapping"))
            return limits
        }
        for (key, value) in spec {
            guard let name = key.string, let set = limitSetters[name] else {
                let known = limitSetters.keys.sorted().joined(separator: ", ")
                diagnostics.append(.warning(yaml.path, yaml.position(of: key), "unknown limit '\(key.string ?? "?")' (known: \(known))"))
                continue
            }
            guard let number = yaml.number(spec, name, diagnostics: &diagnostics) else { continue }
            if number <= 0 {
                diagnostics.append(.error(yaml.path, yaml.position(of: value), "limit '\(name)' must be positive"))
                continue
            }
            set(&limits, number)
        }
        return limits
    }
}

/// `DisplayPath.join`, as the loaders spell it.
func join(_ base: String, _ component: String) -> String {
    DisplayPath.join(base, component)
}
