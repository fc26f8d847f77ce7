//! The plans of an offer: `definition.plans[]`, each with a `planId` and possibly
//! `diskGenerations[]` whose entries have plan ids of their own. A plan id may name a
//! plan or one of its disk generations.

use serde_json::{Map, Value};

use crate::cpp::offer::Offer;
use crate::error::{Error, Result};

/// Where a plan id points: a plan, or a disk generation of a plan (indices into
/// `definition.plans` and that plan's `diskGenerations`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlanPath {
    Plan(usize),
    Generation(usize, usize),
}

fn list<'a>(object: &'a Value, key: &str) -> &'a [Value] {
    object
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn plan_id(plan: &Value) -> Option<&str> {
    plan.get("planId")
        .and_then(Value::as_str)
        .filter(|id| !id.is_empty())
}

impl Offer {
    /// The ids of the offer's plans and their disk generations, in document order: each
    /// plan's `planId` followed by its generations' `planId`s. Entries without a plan id
    /// are left out.
    ///
    /// ```
    /// let offer = cloudpartner::parse_offer(br#"{"definition": {"plans": [
    ///     {"planId": "a", "diskGenerations": [{"planId": "a-gen2"}]},
    ///     {"planId": "b", "diskGenerations": []}]}}"#)?;
    /// assert_eq!(offer.plan_ids(), ["a", "a-gen2", "b"]);
    /// # Ok::<(), cloudpartner::Error>(())
    /// ```
    pub fn plan_ids(&self) -> Vec<&str> {
        let mut ids = Vec::new();
        for plan in list(self.definition(), "plans") {
            ids.extend(plan_id(plan));
            ids.extend(list(plan, "diskGenerations").iter().filter_map(plan_id));
        }
        ids
    }

    /// Finds `plan_id` (the first plan or generation with that id); an unknown id is
    /// *invalid_argument*, naming the plans that exist.
    pub(crate) fn locate_plan(&self, wanted: &str) -> Result<PlanPath> {
        for (i, plan) in list(self.definition(), "plans").iter().enumerate() {
            if plan_id(plan) == Some(wanted) {
                return Ok(PlanPath::Plan(i));
            }
            for (j, generation) in list(plan, "diskGenerations").iter().enumerate() {
                if plan_id(generation) == Some(wanted) {
                    return Ok(PlanPath::Generation(i, j));
                }
            }
        }
        let ids = self.plan_ids();
        let offer = match self.id() {
            "" => String::from("the offer"),
            id => format!("offer `{id}`"),
        };
        Err(Error::invalid_argument(if ids.is_empty() {
            format!("unknown plan `{wanted}`: {offer} has no plans")
        } else {
            format!(
                "unknown plan `{wanted}`: {offer} has plans {}",
                ids.iter()
                    .map(|id| format!("`{id}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }))
    }

    /// The plan (or generation) object at `path`.
    pub(crate) fn plan_at(&self, path: PlanPath) -> Option<&Map<String, Value>> {
        let plans = list(self.definition(), "plans");
        match path {
            PlanPath::Plan(i) => plans.get(i)?.as_object(),
            PlanPath::Generation(i, j) => {
                list(plans.get(i)?, "diskGenerations").get(j)?.as_object()
            }
        }
    }

    /// The plan (or generation) object at `path`, to edit.
    pub(crate) fn plan_at_mut(&mut self, path: PlanPath) -> Option<&mut Map<String, Value>> {
        let plans = self
            .document_mut()
            .get_mut("definition")?
            .get_mut("plans")?;
        match path {
            PlanPath::Plan(i) => plans.get_mut(i)?.as_object_mut(),
            PlanPath::Generation(i, j) => plans
                .get_mut(i)?
                .get_mut("diskGenerations")?
                .get_mut(j)?
                .as_object_mut(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::parse_offer;

    use super::*;

    #[test]
    fn locating_plans_and_generations() {
        let offer = parse_offer(
            br#"{"id": "o", "definition": {"plans": [
                {"planId": "a", "diskGenerations": [{"planId": "a2"}, {"planId": ""}]},
                {"noPlanId": true},
                {"planId": "b"}, {"planId": "b"}, 7]}}"#,
        )
        .unwrap();
        assert_eq!(offer.plan_ids(), ["a", "a2", "b", "b"]);
        assert_eq!(offer.locate_plan("a").unwrap(), PlanPath::Plan(0));
        assert_eq!(offer.locate_plan("a2").unwrap(), PlanPath::Generation(0, 0));
        assert_eq!(offer.locate_plan("b").unwrap(), PlanPath::Plan(2));
        let err = offer.locate_plan("c").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidArgument);
        assert_eq!(
            err.message(),
            "unknown plan `c`: offer `o` has plans `a`, `a2`, `b`, `b`"
        );
        assert!(offer.plan_at(PlanPath::Generation(0, 0)).is_some());
        assert!(offer.plan_at(PlanPath::Generation(1, 0)).is_none());
    }

    #[test]
    fn an_offer_without_plans() {
        for doc in [&br#"{}"#[..], br#"{"definition": {"plans": {}}}"#] {
            let offer = parse_offer(doc).unwrap();
            let err = offer.locate_plan("a").unwrap_err();
            assert_eq!(err.message(), "unknown plan `a`: the offer has no plans");
        }
    }
}
