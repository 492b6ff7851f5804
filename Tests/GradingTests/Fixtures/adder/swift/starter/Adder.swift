func add(_ a: Int, _ b: Int) -> Int {
    fatalError("not implemented")
}
