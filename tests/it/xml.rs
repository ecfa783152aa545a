//! A small tree over quick-xml for reading exported documents back: Word parts and the
//! HTML page (which is kept well-formed so that an XML parser reads it strictly).

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

#[derive(Debug, Default)]
pub struct Node {
    /// The qualified name (`w:p`); empty for a text node.
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
    pub text: String,
}

fn element(e: &BytesStart) -> Node {
    let attrs = e
        .attributes()
        .map(|a| {
            let a = a.expect("a well-formed attribute");
            let key: &str = a.key.as_ref();
            (
                key.to_string(),
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .expect("an attribute value")
                    .to_string(),
            )
        })
        .collect();
    let name = e.name();
    Node {
        name: AsRef::<str>::as_ref(&name).to_string(),
        attrs,
        ..Node::default()
    }
}

fn text(t: &str) -> Node {
    Node {
        text: t.to_string(),
        ..Node::default()
    }
}

/// Parses a whole document; panics (failing the test) on anything malformed.
pub fn parse(xml: &str) -> Node {
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Node::default()];
    loop {
        match reader
            .read_event()
            .unwrap_or_else(|e| panic!("malformed XML at {}: {e}", reader.buffer_position()))
        {
            Event::Start(e) => stack.push(element(&e)),
            Event::Empty(e) => stack.last_mut().unwrap().children.push(element(&e)),
            Event::End(e) => {
                let node = stack.pop().unwrap();
                let name = e.name();
                assert_eq!(node.name, AsRef::<str>::as_ref(&name), "mismatched end tag");
                stack.last_mut().unwrap().children.push(node);
            }
            Event::Text(t) => stack
                .last_mut()
                .unwrap()
                .children
                .push(text(&t.xml10_content())),
            Event::CData(t) => stack
                .last_mut()
                .unwrap()
                .children
                .push(text(&t.xml10_content())),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().expect("a character reference") {
                    Some(c) => c.to_string(),
                    None => match r.xml10_content().as_ref() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => panic!("unknown entity &{other};"),
                    },
                };
                stack.last_mut().unwrap().children.push(text(&resolved));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    stack.pop().unwrap()
}

impl Node {
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &Node> {
        self.children.iter().filter(|c| !c.name.is_empty())
    }

    pub fn child(&self, name: &str) -> Option<&Node> {
        self.elements().find(|c| c.name == name)
    }

    /// Every element named `name` below this one, in document order.
    pub fn all(&self, name: &str) -> Vec<&Node> {
        let mut out = Vec::new();
        self.walk(&mut |n| {
            if n.name == name {
                out.push(n);
            }
        });
        out
    }

    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Node)) {
        for c in &self.children {
            f(c);
            c.walk(f);
        }
    }

    /// The text below this element; in Word parts a tab and a break count as characters.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.walk(&mut |n| match n.name.as_str() {
            "" => out.push_str(&n.text),
            "w:tab" => out.push('\t'),
            "w:br" => out.push('\n'),
            _ => {}
        });
        out
    }
}
