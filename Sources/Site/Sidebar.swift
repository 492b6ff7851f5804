import Foundation
import Support

/// The sidebar of every page, rendered before the pages are.
///
/// A page's links are relative to its folder, so every group that does not hold the page,
/// and every link that is not the page's own, is the same for all pages of a folder: those
/// are rendered once per folder, through the theme's `nav-group` and `nav-item` templates.
/// A page then renders only its own link and the one group that holds it. (A real course
/// has a few groups of a hundred pages and more: rendering every link of every page's
/// sidebar was a tenth of a site build.)
struct Sidebar: Sendable {
    /// One group as a page shows it: its template value and its HTML.
    struct RenderedGroup: @unchecked Sendable {  // [String: Any] holds only strings, numbers, arrays and dictionaries
        var value: [String: Any]
        var html: String
    }

    /// What every page of one folder shares.
    struct Folder: @unchecked Sendable {
        /// Each group closed (no link of it is this folder's page), by group index.
        var closed: [RenderedGroup]
        /// Each group's items as template values, none current.
        var items: [[[String: Any]]]
        /// Each group's items rendered by `nav-item`, none current.
        var itemsHTML: [[String]]
    }

    private let plan: SitePlan
    private let theme: Theme
    private let folders: [String: Folder]
    /// Each page's place in the groups that list it: group index → the index of its first
    /// item there. Looked up per page instead of comparing every item's path.
    private let places: [String: [Int: Int]]

    /// Renders the shared parts for the folders of `pages` (site paths), one folder per core;
    /// links from any page of a folder are links from its first.
    init(plan: SitePlan, theme: Theme, pages: [String]) {
        var representatives: [String: String] = [:]
        for page in pages where representatives[Self.folder(of: page)] == nil { representatives[Self.folder(of: page)] = page }
        let names = representatives.keys.sorted()
        let firstPages = names.map { representatives[$0]! }
        let made = Parallel.map(names.count) { index -> Folder in
            Self.render(plan: plan, theme: theme, from: firstPages[index])
        }
        self.plan = plan
        self.theme = theme
        folders = Dictionary(uniqueKeysWithValues: zip(names, made))
        var places: [String: [Int: Int]] = [:]
        for (group, value) in plan.groups.enumerated() {
            for (place, item) in value.items.enumerated() where places[plan.entries[item].output]?[group] == nil {
                places[plan.entries[item].output, default: [:]][group] = place
            }
        }
        self.places = places
    }

    /// The sidebar of the page at `output`: each group's value (the `nav` context; nil unless
    /// `values`) and the groups' HTML (`nav_html`). `output` must be one of the pages the
    /// sidebar was made for.
    func navigation(for output: String, values wantsValues: Bool) -> (values: [[String: Any]]?, html: String) {
        let folder = folders[Self.folder(of: output)]!
        var values: [[String: Any]] = []
        if wantsValues { values.reserveCapacity(plan.groups.count) }
        var html = ""
        let own = places[output] ?? [:]
        for (index, group) in plan.groups.enumerated() {
            let current = group.output == output
            let ownItem = own[index]
            guard current || ownItem != nil else {
                if wantsValues { values.append(folder.closed[index].value) }
                html += folder.closed[index].html
                continue
            }
            // The open group: the folder's items, the page's own marked current. The items'
            // values are copied only for whoever reads them (`nav`, or a course's nav-group).
            var items = folder.items[index]
            var ownHTML: (item: Int, html: String)?
            if let ownItem, Self.listsItems(group, plan: plan) {
                var item = items[ownItem]
                item["current"] = true
                ownHTML = (ownItem, Self.itemHTML(item, root: SitePath.root(from: output), theme: theme))
                if wantsValues || !theme.direct.contains("nav-group") { items[ownItem] = item }
            }
            var itemsHTML = ""
            for (place, itemHTML) in folder.itemsHTML[index].enumerated() {
                itemsHTML += place == ownHTML?.item ? ownHTML!.html : itemHTML
            }
            let open = Self.value(group, plan: plan, from: output, current: current, open: true, items: items)
            if wantsValues { values.append(open) }
            html += Self.groupHTML(open, root: SitePath.root(from: output), itemsHTML: itemsHTML, theme: theme)
        }
        return (wantsValues ? values : nil, html)
    }

    private static func render(plan: SitePlan, theme: Theme, from page: String) -> Folder {
        let root = SitePath.root(from: page)
        var folder = Folder(closed: [], items: [], itemsHTML: [])
        for group in plan.groups {
            let items = listsItems(group, plan: plan) ? group.items.map { item -> [String: Any] in
                ["title": plan.entries[item].navTitle, "href": SitePath.relative(from: page, to: plan.entries[item].output), "current": false]
            } : []
            let itemsHTML = items.map { itemHTML($0, root: root, theme: theme) }
            let value = self.value(group, plan: plan, from: page, current: false, open: false, items: items)
            let html = groupHTML(value, root: root, itemsHTML: itemsHTML.joined(), theme: theme)
            folder.closed.append(RenderedGroup(value: value, html: html))
            folder.items.append(items)
            folder.itemsHTML.append(itemsHTML)
        }
        return folder
    }

    /// One group, by the theme's `nav-group`: `value` as `value(_:plan:from:current:open:items:)` makes it.
    private static func groupHTML(_ value: [String: Any], root: String, itemsHTML: String, theme: Theme) -> String {
        if theme.direct.contains("nav-group"), let title = value["title"] as? String, let current = value["current"] as? Bool,
           let open = value["open"] as? Bool, let hasItems = value["has_items"] as? Bool {
            return NavGroupHTML.render(title: title, href: value["href"] as? String, current: current, open: open,
                                       itemsHTML: hasItems ? itemsHTML : nil)
        }
        return theme.render("nav-group", value.merging(["root": root, "items_html": itemsHTML]) { $1 })
    }

    /// One link of a group, by the theme's `nav-item`.
    private static func itemHTML(_ item: [String: Any], root: String, theme: Theme) -> String {
        if theme.direct.contains("nav-item"), let title = item["title"] as? String, let href = item["href"] as? String,
           let current = item["current"] as? Bool {
            return NavItemHTML.render(title: title, href: href, current: current)
        }
        return theme.render("nav-item", item.merging(["root": root]) { $1 })
    }

    /// Whether a group lists its pages: a group that is one page, its own (a top-level page of
    /// the course's navigation), is its title alone.
    private static func listsItems(_ group: SitePlan.Group, plan: SitePlan) -> Bool {
        !(group.items.count == 1 && plan.entries[group.items[0]].output == group.output)
    }

    /// One sidebar group as the `nav` context lists it (documented in site/README.md).
    private static func value(_ group: SitePlan.Group, plan: SitePlan, from page: String, current: Bool, open: Bool,
                              items: [[String: Any]]) -> [String: Any] {
        var value: [String: Any] = ["title": group.title, "current": current, "open": open, "has_items": !items.isEmpty, "items": items]
        if let groupOutput = group.output ?? group.items.first.map({ plan.entries[$0].output }) {
            value["href"] = SitePath.relative(from: page, to: groupOutput)
        }
        value["has_href"] = value["href"] != nil
        return value
    }

    private static func folder(of page: String) -> String {
        guard let slash = page.lastIndex(of: "/") else { return "" }
        return String(page[..<slash])
    }
}
