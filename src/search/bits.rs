//! A set of unit ids as bits: the candidates of a search.

/// A set of unit ids as bits.
pub(super) struct Bits(Vec<u64>);

impl Bits {
    pub(super) fn new(len: usize, full: bool) -> Bits {
        let mut bits = Bits(vec![if full { u64::MAX } else { 0 }; len.div_ceil(64)]);
        if full
            && !len.is_multiple_of(64)
            && let Some(last) = bits.0.last_mut()
        {
            *last = (1u64 << (len % 64)) - 1;
        }
        bits
    }
    pub(super) fn set(&mut self, i: u32) {
        if let Some(word) = self.0.get_mut(i as usize / 64) {
            *word |= 1 << (i % 64);
        }
    }
    pub(super) fn and(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }
    pub(super) fn or(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }
    pub(super) fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }
    pub(super) fn and_not(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= !b;
        }
    }
    pub(super) fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().enumerate().flat_map(|(i, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                (w != 0).then(|| {
                    let b = w.trailing_zeros();
                    w &= w - 1;
                    i as u32 * 64 + b
                })
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Bits;

    #[test]
    fn bits_hold_exactly_what_was_set() {
        let mut bits = Bits::new(130, false);
        for i in [0, 63, 64, 129] {
            bits.set(i);
        }
        assert_eq!(bits.iter().collect::<Vec<_>>(), [0, 63, 64, 129]);
        assert_eq!(Bits::new(130, true).iter().count(), 130);
        let mut full = Bits::new(130, true);
        full.and_not(&bits);
        assert_eq!(full.iter().count(), 126);
        assert_eq!(full.count(), 126);
        full.or(&bits);
        assert_eq!(full.count(), 130);
    }
}
