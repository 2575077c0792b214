/// Splits the render queue into batches that one thread takes whole: runs of consecutive files that go
/// into the same folder, at most `limit` long. Two threads creating files in one folder queue on the
/// folder's lock in the kernel (at 100,000 modules that waiting was a few percent of the build); a
/// thread that keeps to its own folder also keeps to one area of the file system's inode table.
/// Files that summarise the program (`isAlone`) are large and slow, so each is a batch of its own.
enum RenderBatches {
    /// Index ranges covering `0..<folders.count` in order. `folders[i]` is where file `i` goes.
    static func group(folders: [Substring], isAlone: [Bool], limit: Int = 64) -> [Range<Int>] {
        precondition(folders.count == isAlone.count && limit > 0)
        var batches: [Range<Int>] = []
        var start = 0
        for index in folders.indices.dropFirst() {
            let continues = !isAlone[index] && !isAlone[start] && folders[index] == folders[start] && index - start < limit
            if !continues {
                batches.append(start..<index)
                start = index
            }
        }
        if !folders.isEmpty { batches.append(start..<folders.count) }
        return batches
    }

    /// The folder part of a site path ("" for a file at the root).
    static func folder(of path: String) -> Substring {
        path.lastIndex(of: "/").map { path[..<$0] } ?? ""
    }
}
