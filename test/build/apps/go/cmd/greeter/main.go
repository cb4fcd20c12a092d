// Command greeter prints a short, deterministic report so the real-build test can compare the output
// of the single-stage image with that of the converted multi-stage image.
package main

import (
	"crypto/sha256"
	"fmt"
	"sort"
	"strings"
)

const text = "the quick brown fox jumps over the lazy dog the fox"

func main() {
	counts := map[string]int{}
	for _, word := range strings.Fields(text) {
		counts[word]++
	}
	words := make([]string, 0, len(counts))
	for word := range counts {
		words = append(words, word)
	}
	sort.Strings(words)

	fmt.Println("greeter: hello from Go")
	for _, word := range words {
		fmt.Printf("%s=%d\n", word, counts[word])
	}
	fmt.Printf("sha256=%x\n", sha256.Sum256([]byte(text)))
}
