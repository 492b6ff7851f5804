import Foundation

/// Where one entry of a run's work directory comes from.
public enum FileSource: Sendable, Equatable {
    /// These bytes, as a regular file.
    case data(Data)
    /// A host file or folder, copied in. Symbolic links are copied as links, so they resolve
    /// inside the sandbox, never to host files.
    case copy(URL)
    /// An executable file with these bytes (mode 0755), e.g. a binary collected from a compile run.
    case executable(Data)
}
