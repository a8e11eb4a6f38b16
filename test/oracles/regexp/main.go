// Go's regexp as Flux's filterTags uses it, for test/image/go-regexp-oracle.test.ts.
//
// Each line on stdin is a request {"pattern": ..., "subjects": [...], "template": ...}; each
// line on stdout answers it: whether regexp.Compile accepts the pattern (and Go's error text
// when not), its SubexpNames, and for each subject FindStringSubmatchIndex (UTF-8 byte
// offsets, -1 for a group that took no part, null for no match) and, when a template is
// given and the subject matches, ExpandString's result, as internal/policy/filter.go does.
package main

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"regexp"
	"regexp/syntax"
)

type request struct {
	Pattern  string   `json:"pattern"`
	Subjects []string `json:"subjects"`
	Template *string  `json:"template"`
}

type answer struct {
	// Error is Go's error text when regexp.Compile refuses the pattern; Code its syntax.ErrorCode.
	Error *string `json:"error,omitempty"`
	Code  *string `json:"code,omitempty"`
	// Names is SubexpNames: "" for the whole match and for unnamed groups.
	Names []string `json:"names,omitempty"`
	// Matches holds FindStringSubmatchIndex for each subject (null: no match).
	Matches [][]int `json:"matches,omitempty"`
	// Expanded holds ExpandString of the template for each subject (null: no match or no template).
	Expanded []*string `json:"expanded,omitempty"`
}

func main() {
	in := json.NewDecoder(bufio.NewReader(os.Stdin))
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for {
		var req request
		if err := in.Decode(&req); err == io.EOF {
			return
		} else if err != nil {
			panic(err)
		}
		if err := enc.Encode(ask(req)); err != nil {
			panic(err)
		}
	}
}

func ask(req request) answer {
	re, err := regexp.Compile(req.Pattern)
	if err != nil {
		text := err.Error()
		a := answer{Error: &text}
		if serr, ok := err.(*syntax.Error); ok {
			code := string(serr.Code)
			a.Code = &code
		}
		return a
	}
	a := answer{Names: re.SubexpNames(), Matches: make([][]int, len(req.Subjects)), Expanded: make([]*string, len(req.Subjects))}
	for i, subject := range req.Subjects {
		match := re.FindStringSubmatchIndex(subject)
		a.Matches[i] = match
		// Flux's RegexFilter.Apply: a tag is kept when len(submatches) > 0, and becomes the
		// expanded template alone.
		if req.Template != nil && len(match) > 0 {
			expanded := string(re.ExpandString(nil, *req.Template, subject, match))
			a.Expanded[i] = &expanded
		}
	}
	return a
}
