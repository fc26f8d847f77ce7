//! Reading the wire JSON straight into the model with serde visitors, leniently: no
//! intermediate `serde_json::Value`, no copy of a string that is not kept, and every
//! field that has the wrong type read as absent instead of failing.
//!
//! Values that are skipped still go through serde_json's nesting limit, so a deeply
//! nested document is an error, never a stack overflow.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::cpp::model::{Link, Message, OfferStatus, Step};
use crate::cpp::state::{MessageLevel, OfferState, StepState};
use crate::cpp::time_frame::TimeFrame;
use crate::document::timestamp::parse_timestamp;

/// The document's top-level `status` as found, checked after the whole document is read.
pub(crate) enum TopStatus {
    Missing,
    Text(String),
    /// Present but not a string: the JSON type found.
    Other(&'static str),
}

/// A document read from the wire; `status` still to be checked.
pub(crate) struct WireDocument {
    pub(crate) status: TopStatus,
    pub(crate) body: OfferStatus,
}

/// Reads one JSON object into a [`WireDocument`].
pub(crate) fn read_document<'de, D: Deserializer<'de>>(d: D) -> Result<WireDocument, D::Error> {
    d.deserialize_map(DocumentVisitor)
}

// ---------------------------------------------------------------------------------------
// Keys: matched by name into an enum, without allocating.

/// The keys one kind of object is read for.
trait Key: Sized {
    /// The key spelled `wire`, or `None` for a key that is not read.
    fn from_wire(wire: &str) -> Option<Self>;
}

/// Reads a key into `Some(K)` by its wire spelling, without allocating.
struct KeySeed<K>(PhantomData<K>);

fn key_seed<K>() -> KeySeed<K> {
    KeySeed(PhantomData)
}

impl<'de, K: Key> DeserializeSeed<'de> for KeySeed<K> {
    type Value = Option<K>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de, K: Key> Visitor<'de> for KeySeed<K> {
    type Value = Option<K>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(K::from_wire(v))
    }
}

/// Declares the keys of an object as an enum, each variant next to its wire spelling,
/// so that the list can be reordered or extended without misassigning.
macro_rules! keys {
    ($name:ident { $($variant:ident = $wire:literal),+ $(,)? }) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        enum $name {
            $($variant),+
        }

        impl Key for $name {
            fn from_wire(wire: &str) -> Option<$name> {
                match wire {
                    $($wire => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

keys!(StepKey {
    Id = "id",
    Name = "stepName",
    Description = "description",
    Status = "status",
    TimeFrame = "estimatedTimeFrame",
    Messages = "messages",
    Progress = "progressPercentage",
    Process = "processPercentage",
});

keys!(MessageKey {
    Html = "messageHtml",
    Level = "level",
    Timestamp = "timestamp",
});

keys!(LinkKey {
    Uri = "uri",
    Url = "url",
    Href = "href",
    DisplayText = "displayText",
    Text = "text",
    Name = "name",
});

keys!(DocumentKey {
    Status = "status",
    Messages = "messages",
    Steps = "steps",
    PreviewLinks = "previewLinks",
    LiveLinks = "liveLinks",
    NotificationEmails = "notificationEmails",
});

// ---------------------------------------------------------------------------------------
// Any value, skipped (with the nesting limit).

struct Skip;

impl<'de> de::Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SkipVisitor)
    }
}

struct SkipVisitor;

/// Booleans, numbers and `null` all read as `$value`.
macro_rules! other_scalars {
    ($value:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
}

/// Every scalar, strings too, reads as `$value`.
macro_rules! accept_scalars {
    ($value:expr) => {
        other_scalars!($value);
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
}

macro_rules! skip_containers {
    ($value:expr) => {
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<Skip>()?.is_some() {}
            Ok($value)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map.next_key::<Skip>()?.is_some() {
                map.next_value::<Skip>()?;
            }
            Ok($value)
        }
    };
}

impl<'de> Visitor<'de> for SkipVisitor {
    type Value = Skip;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    accept_scalars!(Skip);
    skip_containers!(Skip);
}

// ---------------------------------------------------------------------------------------
// A string field: strings as they are, numbers and booleans as text, anything else empty.

struct Text(String);

impl<'de> de::Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
        Ok(Text(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
        Ok(Text(v))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Text, E> {
        Ok(Text(v.to_string()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
        Ok(Text(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
        Ok(Text(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
        Ok(Text(
            serde_json::Number::from_f64(v)
                .map(|n| n.to_string())
                .unwrap_or_default(),
        ))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Text, E> {
        Ok(Text(String::new()))
    }
    skip_containers!(Text(String::new()));
}

// ---------------------------------------------------------------------------------------
// The top-level status: a string, or the name of the type found.

struct TopStatusVisitor;

impl<'de> de::Deserialize<'de> for TopStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TopStatusVisitor)
    }
}

impl<'de> Visitor<'de> for TopStatusVisitor {
    type Value = TopStatus;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the offer state")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<TopStatus, E> {
        Ok(TopStatus::Text(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<TopStatus, E> {
        Ok(TopStatus::Text(v))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<TopStatus, E> {
        Ok(TopStatus::Other("a boolean"))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<TopStatus, E> {
        Ok(TopStatus::Other("a number"))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<TopStatus, E> {
        Ok(TopStatus::Other("a number"))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<TopStatus, E> {
        Ok(TopStatus::Other("a number"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<TopStatus, E> {
        Ok(TopStatus::Missing)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<TopStatus, A::Error> {
        SkipVisitor.visit_seq(seq)?;
        Ok(TopStatus::Other("an array"))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<TopStatus, A::Error> {
        SkipVisitor.visit_map(map)?;
        Ok(TopStatus::Other("an object"))
    }
}

// ---------------------------------------------------------------------------------------
// progressPercentage: a number or a numeric string; `null` is told apart so that
// `processPercentage` can stand in for it.

enum Percent {
    Null,
    Value(Option<f64>),
}

impl Percent {
    fn clamped(number: Option<f64>) -> u8 {
        match number {
            Some(n) if n.is_finite() => n.round().clamp(0.0, 100.0) as u8,
            _ => 0,
        }
    }
}

impl<'de> de::Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(PercentVisitor)
    }
}

struct PercentVisitor;

impl<'de> Visitor<'de> for PercentVisitor {
    type Value = Percent;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a percentage")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Percent, E> {
        Ok(Percent::Value(Some(v as f64)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Percent, E> {
        Ok(Percent::Value(Some(v as f64)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Percent, E> {
        Ok(Percent::Value(Some(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Percent, E> {
        let number = v
            .trim()
            .trim_end_matches('%')
            .trim_end()
            .parse::<f64>()
            .ok();
        Ok(Percent::Value(number))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Percent, E> {
        Ok(Percent::Value(None))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Percent, E> {
        Ok(Percent::Null)
    }
    skip_containers!(Percent::Value(None));
}

// ---------------------------------------------------------------------------------------
// notificationEmails: "a, b; c" or ["a", "b"], trimmed, empties dropped.

struct Emails(Vec<String>);

fn split_emails(text: &str, into: &mut Vec<String>) {
    into.extend(
        text.split([',', ';'])
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(str::to_owned),
    );
}

impl<'de> de::Deserialize<'de> for Emails {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(EmailsVisitor)
    }
}

struct EmailsVisitor;

impl<'de> Visitor<'de> for EmailsVisitor {
    type Value = Emails;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("e-mail addresses")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Emails, E> {
        let mut out = Vec::new();
        split_emails(v, &mut out);
        Ok(Emails(out))
    }
    other_scalars!(Emails(Vec::new()));
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Emails, A::Error> {
        let mut out = Vec::new();
        while let Some(item) = seq.next_element::<Text>()? {
            split_emails(&item.0, &mut out);
        }
        Ok(Emails(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Emails, A::Error> {
        SkipVisitor.visit_map(map)?;
        Ok(Emails(Vec::new()))
    }
}

// ---------------------------------------------------------------------------------------
// Lists of objects (steps, messages, links): a non-list is empty, items of the wrong
// type are skipped, bare strings are kept where the item allows them.

trait Item: Sized {
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error>;
    fn from_text(text: String) -> Option<Self>;
}

struct List<T>(Vec<T>);

impl<'de, T: Item> de::Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ListVisitor(PhantomData))
    }
}

struct ListVisitor<T>(PhantomData<T>);

impl<'de, T: Item> Visitor<'de> for ListVisitor<T> {
    type Value = List<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    accept_scalars!(List(Vec::new()));

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<List<T>, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element_seed(ItemSeed::<T>(PhantomData))? {
            out.extend(item);
        }
        Ok(List(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<List<T>, A::Error> {
        SkipVisitor.visit_map(map)?;
        Ok(List(Vec::new()))
    }
}

struct ItemSeed<T>(PhantomData<T>);

impl<'de, T: Item> DeserializeSeed<'de> for ItemSeed<T> {
    type Value = Option<T>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, T: Item> Visitor<'de> for ItemSeed<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    other_scalars!(None);
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<T>, E> {
        Ok(T::from_text(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Option<T>, E> {
        Ok(T::from_text(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Option<T>, A::Error> {
        SkipVisitor.visit_seq(seq)?;
        Ok(None)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<T>, A::Error> {
        T::from_map(map)
    }
}

impl Item for Step {
    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Option<Step>, A::Error> {
        let mut step = Step::default();
        let (mut progress, mut process) = (Percent::Null, Percent::Null);
        let mut time_frame = String::new();
        while let Some(key) = map.next_key_seed(key_seed::<StepKey>())? {
            match key {
                Some(StepKey::Id) => step.id = map.next_value::<Text>()?.0,
                Some(StepKey::Name) => step.name = map.next_value::<Text>()?.0,
                Some(StepKey::Description) => step.description = map.next_value::<Text>()?.0,
                Some(StepKey::Status) => step.raw_status = map.next_value::<Text>()?.0,
                Some(StepKey::TimeFrame) => time_frame = map.next_value::<Text>()?.0,
                Some(StepKey::Messages) => step.messages = map.next_value::<List<Message>>()?.0,
                Some(StepKey::Progress) => progress = map.next_value()?,
                Some(StepKey::Process) => process = map.next_value()?,
                None => {
                    map.next_value::<Skip>()?;
                }
            }
        }
        step.status = StepState::from_wire(&step.raw_status);
        step.progress_percentage = match (progress, process) {
            (Percent::Value(n), _) | (Percent::Null, Percent::Value(n)) => Percent::clamped(n),
            (Percent::Null, Percent::Null) => 0,
        };
        if !time_frame.trim().is_empty() {
            step.estimated_time_frame = Some(TimeFrame::parse(&time_frame));
        }
        Ok(Some(step))
    }

    fn from_text(_: String) -> Option<Step> {
        None
    }
}

impl Item for Message {
    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Option<Message>, A::Error> {
        let mut message = Message::default();
        while let Some(key) = map.next_key_seed(key_seed::<MessageKey>())? {
            match key {
                Some(MessageKey::Html) => message.html = map.next_value::<Text>()?.0,
                Some(MessageKey::Level) => message.raw_level = map.next_value::<Text>()?.0,
                // Only a string is a timestamp; a number is not read as one.
                Some(MessageKey::Timestamp) => {
                    message.timestamp = map.next_value::<TimestampField>()?.0;
                }
                None => {
                    map.next_value::<Skip>()?;
                }
            }
        }
        message.level = MessageLevel::from_wire(&message.raw_level);
        message.text = crate::document::message_text::html_to_text(&message.html);
        Ok(Some(message))
    }

    /// A bare string is taken as the message itself.
    fn from_text(text: String) -> Option<Message> {
        Some(Message::new(
            text,
            MessageLevel::Unknown(String::new()),
            None,
        ))
    }
}

impl Item for Link {
    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Option<Link>, A::Error> {
        let [
            mut uri,
            mut url,
            mut href,
            mut display_text,
            mut text,
            mut name,
        ] = <[String; 6]>::default();
        while let Some(key) = map.next_key_seed(key_seed::<LinkKey>())? {
            let slot = match key {
                Some(LinkKey::Uri) => &mut uri,
                Some(LinkKey::Url) => &mut url,
                Some(LinkKey::Href) => &mut href,
                Some(LinkKey::DisplayText) => &mut display_text,
                Some(LinkKey::Text) => &mut text,
                Some(LinkKey::Name) => &mut name,
                None => {
                    map.next_value::<Skip>()?;
                    continue;
                }
            };
            *slot = map.next_value::<Text>()?.0;
        }
        let first = |choices: [String; 3]| {
            choices
                .into_iter()
                .find(|s| !s.is_empty())
                .unwrap_or_default()
        };
        let uri = first([uri, url, href]);
        let display_text = first([display_text, text, name]);
        Ok((!uri.is_empty() || !display_text.is_empty()).then_some(Link { display_text, uri }))
    }

    fn from_text(text: String) -> Option<Link> {
        let uri = text.trim();
        (!uri.is_empty()).then(|| Link {
            display_text: String::new(),
            uri: uri.to_owned(),
        })
    }
}

struct TimestampField(Option<chrono::DateTime<chrono::Utc>>);

impl<'de> de::Deserialize<'de> for TimestampField {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TimestampVisitor)
    }
}

struct TimestampVisitor;

impl<'de> Visitor<'de> for TimestampVisitor {
    type Value = TimestampField;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a timestamp")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<TimestampField, E> {
        Ok(TimestampField(parse_timestamp(v)))
    }
    other_scalars!(TimestampField(None));
    skip_containers!(TimestampField(None));
}

// ---------------------------------------------------------------------------------------
// The document.

struct DocumentVisitor;

impl<'de> Visitor<'de> for DocumentVisitor {
    type Value = WireDocument;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<WireDocument, A::Error> {
        let mut status = TopStatus::Missing;
        let mut body = OfferStatus::default();
        while let Some(key) = map.next_key_seed(key_seed::<DocumentKey>())? {
            match key {
                Some(DocumentKey::Status) => status = map.next_value()?,
                Some(DocumentKey::Messages) => body.messages = map.next_value::<List<Message>>()?.0,
                Some(DocumentKey::Steps) => body.steps = map.next_value::<List<Step>>()?.0,
                Some(DocumentKey::PreviewLinks) => {
                    body.preview_links = map.next_value::<List<Link>>()?.0;
                }
                Some(DocumentKey::LiveLinks) => body.live_links = map.next_value::<List<Link>>()?.0,
                Some(DocumentKey::NotificationEmails) => {
                    body.notification_emails = map.next_value::<Emails>()?.0;
                }
                None => {
                    map.next_value::<Skip>()?;
                }
            }
        }
        if let TopStatus::Text(raw) = &status {
            body.status = OfferState::from_wire(raw);
            body.raw_status = raw.clone();
        }
        Ok(WireDocument { status, body })
    }
}
